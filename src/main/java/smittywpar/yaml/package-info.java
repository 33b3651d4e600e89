/**
 * Strict YAML reading for every YAML file the project reads: the SMIT menu tree ({@code smit}) and
 * the lab's scenarios and exercises ({@code lab}). Above {@code msg} (its texts are in the one
 * catalogue), below everything that reads YAML; knows nothing of what the files mean.
 */
package smittywpar.yaml;
