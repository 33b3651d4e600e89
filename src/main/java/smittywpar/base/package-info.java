/**
 * The ground floor, under every layer and beside {@code msg}: files packaged with the program
 * ({@link smittywpar.base.Bundled}) and the padding and number layouts of AIX output
 * ({@link smittywpar.base.Text}). Nothing here depends on any other package of the project.
 */
package smittywpar.base;
