package dev.warden.adapters.web.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Charges one connection's request bodies to the {@link RequestBodyBudget}, between the HTTP codec and
 * Micronaut. A body whose {@code Content-Length} the server accepts is charged whole when its head
 * arrives, so a caller that announces a body and sends it slowly holds its place from the start; any
 * other body is charged chunk by chunk as it arrives. The charge is released when the request's
 * response is written (HTTP/1.1 answers in order, so the oldest charge is the one answered) or the
 * connection closes. A request that does not fit is answered 503 with {@code Retry-After} and the
 * connection is closed, since the rest of its body will not be read. Netty calls one connection's
 * handler on one thread, so the fields need no locks; the budget is shared.
 */
final class RequestBodyBudgetHandler extends ChannelDuplexHandler {

    static final String NAME = "warden-request-body-budget";

    private static final byte[] BUSY = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"Warden is reading as many request bodies as it may hold at once; retry after Retry-After"
            + " seconds\"}").getBytes(StandardCharsets.UTF_8);

    private final RequestBodyBudget budget;
    /** Each request read and not yet answered, oldest first. */
    private final ArrayDeque<Charge> unanswered = new ArrayDeque<>();
    /** The request whose body is arriving; null between requests. */
    private Charge reading;
    /** Set once a request was refused: nothing more is read from the connection, which is closing. */
    private boolean refusing;

    RequestBodyBudgetHandler(RequestBodyBudget budget) {
        this.budget = budget;
    }

    private static final class Charge {
        final boolean byChunk;
        long bytes;
        boolean answered;

        Charge(boolean byChunk) {
            this.byChunk = byChunk;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && !startCharge(ctx, request)) {
            return;
        }
        if (msg instanceof HttpContent content && reading != null) {
            if (reading.byChunk && !reading.answered) {
                int bytes = content.content().readableBytes();
                if (!budget.tryCharge(bytes)) {
                    refuse(ctx, msg, unanswered.size() - 1);
                    return;
                }
                reading.bytes += bytes;
            }
            if (msg instanceof LastHttpContent) {
                reading = null;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private boolean startCharge(ChannelHandlerContext ctx, HttpRequest request) {
        long announced = HttpUtil.getContentLength(request, -1L);
        Charge charge = new Charge(!budget.chargeableUpFront(announced));
        if (!charge.byChunk) {
            if (!budget.tryCharge(announced)) {
                refuse(ctx, request, unanswered.size());
                return false;
            }
            charge.bytes = announced;
        }
        unanswered.add(charge);
        reading = charge;
        return true;
    }

    /** Answers 503 unless an earlier request still awaits its answer, which must come first: then only closes. */
    private void refuse(ChannelHandlerContext ctx, Object msg, int earlierUnanswered) {
        ReferenceCountUtil.release(msg);
        refusing = true;
        if (earlierUnanswered > 0) {
            ctx.close();
            return;
        }
        FullHttpResponse busy = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SERVICE_UNAVAILABLE, Unpooled.wrappedBuffer(BUSY));
        busy.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, BUSY.length)
                .set(HttpHeaderNames.RETRY_AFTER, "1")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(busy).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean interim = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (!interim && msg instanceof LastHttpContent) {
            Charge answered = unanswered.poll();
            if (answered != null) {
                answered.answered = true;
                release(answered);
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseAll();
    }

    private void releaseAll() {
        for (Charge charge = unanswered.poll(); charge != null; charge = unanswered.poll()) {
            release(charge);
        }
        reading = null;
    }

    private void release(Charge charge) {
        budget.release(charge.bytes);
        charge.bytes = 0;
    }
}
