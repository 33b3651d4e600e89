/**
 * The lab: {@code bin/smitty-wpar}, the companion command for trainers and for people testing
 * automation (host snapshots, scenarios, fault injection, graded exercises, smit.script replay).
 * The only package that uses picocli; the AIX commands and smitty never load it. Everything the
 * AIX commands do it does through the same command registry ({@link smittywpar.cmd.Commands}) and
 * engine; it never runs a program of the real machine.
 */
package smittywpar.lab;
