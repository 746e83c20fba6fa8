package dev.warden.adapters.web.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in a connection's pipeline: counts the connection in the {@link ConnectionLimit} when it becomes active,
 * or closes it there, before anything reads from it, when the server has as many as it may; counts it out when it
 * closes.
 */
final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {

    static final String NAME = "warden-connection-limit";

    private final ConnectionLimit limit;
    private boolean admitted;
    private boolean counted;

    ConnectionLimitHandler(ConnectionLimit limit) {
        this.limit = limit;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            admit(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!admitted) {
            admit(ctx);
        }
        if (counted) {
            ctx.fireChannelActive();
        }
    }

    private void admit(ChannelHandlerContext ctx) {
        admitted = true;
        counted = limit.tryOpen();
        if (!counted) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            counted = false;
            limit.closed();
        }
        ctx.fireChannelInactive();
    }
}
