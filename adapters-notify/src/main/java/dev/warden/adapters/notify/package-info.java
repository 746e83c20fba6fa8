/** Channels that deliver alerts and transactional messages: SMTP, Slack, MyOperator. */
package dev.warden.adapters.notify;
