package dev.warden.adapters.web.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ByteProcessor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Before the HTTP codec, on the connection's bytes: a request's head must arrive whole within the
 * {@link RequestReadTimeout} from the first read that brings bytes of it, or the connection is closed (nothing can be
 * answered to a head not read). This bounds how long a partial head (up to 8 KB) is buffered; a head whose first bytes
 * came in the same read as the end of the request before is timed from the next read, and a connection that sends
 * nothing more is the idle timeout's. Line breaks alone start nothing: a client may send a stray CRLF between
 * requests (RFC 9112, 2.2), and its connection is idle, not sending a head. The {@link RequestBodyBudgetHandler}
 * after the codec says when a head arrived, when the next may begin, and when the connection was upgraded to a
 * WebSocket, whose frames are no heads.
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
        if (awaitingHead && deadline == null && msg instanceof ByteBuf bytes
                && bytes.forEachByte(ByteProcessor.FIND_NON_CRLF) >= 0) {
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
