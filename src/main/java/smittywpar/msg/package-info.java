/**
 * The one message catalogue ({@link smittywpar.msg.Messages}, {@code messages.properties}) and
 * the failure that carries a catalogue text to the user ({@link smittywpar.msg.AixException}).
 * Every text a user can read comes from here; this package holds messages and nothing else.
 */
package smittywpar.msg;
