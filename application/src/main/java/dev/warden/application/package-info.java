/** Use cases of Warden, one class each. */
package dev.warden.application;
