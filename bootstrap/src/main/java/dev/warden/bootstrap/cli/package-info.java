/** The {@code warden} command line: serve (the default), migrate, and the operator's commands. */
package dev.warden.bootstrap.cli;
