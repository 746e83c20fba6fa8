/** Outgoing ports the use cases need beyond the domain's repositories: transactions, hashing, settings. */
package dev.warden.application.port.out;
