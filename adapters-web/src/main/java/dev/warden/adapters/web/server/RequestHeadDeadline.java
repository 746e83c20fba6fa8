package dev.warden.adapters.web.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Before the HTTP codec, on the connection's bytes: a request's head must arrive whole within the
 * {@link RequestReadTimeout} from its first byte, or the connection is closed (nothing can be answered to a head not
 * read). The {@link RequestBodyBudgetHandler} after the codec says when a head arrived, when the next may begin, and
 * when the connection was upgraded to a WebSocket, whose frames are no heads.
 */
final class RequestHeadDeadline extends ChannelInboundHandlerAdapter {

    static final String NAME = "warden-request-head-deadline";

    private final RequestReadTimeout timeout;
    private boolean awaitingHead = true;
    private ScheduledFuture<?> deadline;

    RequestHeadDeadline(RequestReadTimeout timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead && deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            deadline = ctx.executor().schedule(() -> {
                ctx.close();
            }, timeout.duration().toMillis(), TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    void headArrived() {
        awaitingHead = false;
        stop();
    }

    void nextHeadMayBegin() {
        awaitingHead = true;
    }

    void upgraded() {
        awaitingHead = false;
        stop();
    }

    private void stop() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }
}
