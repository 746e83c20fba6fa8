/** The dashboard's page and the security headers of its files (the files are static resources under /dashboard/). */
package dev.warden.adapters.web.dashboard;
