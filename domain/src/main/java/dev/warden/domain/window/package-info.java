/** The 24-hour customer-service window inside which free-form messages may be sent. */
package dev.warden.domain.window;
