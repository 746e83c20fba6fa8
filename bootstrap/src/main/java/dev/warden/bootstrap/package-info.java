/** Starts Warden: configuration, the embedded database for local runs, startup tasks. */
package dev.warden.bootstrap;
