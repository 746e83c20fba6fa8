/** Small building blocks every part of the domain shares: refusals, events, paging. */
package dev.warden.domain.shared;
