/** Use case implementations: framework-free, wired by bootstrap. */
package dev.warden.application.service;
