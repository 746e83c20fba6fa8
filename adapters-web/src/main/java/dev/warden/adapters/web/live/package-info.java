/** Live updates for open dashboards: tickets for the WebSocket, the socket at /ws/events, and who hears what. */
package dev.warden.adapters.web.live;
