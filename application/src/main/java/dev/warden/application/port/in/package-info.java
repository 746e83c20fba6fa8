/** Incoming ports: one use case interface per action, with its command or query record. */
package dev.warden.application.port.in;
