package dev.warden.adapters.web.server;

import dev.warden.adapters.web.problem.Problem;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Charges one connection's request bodies to the {@link RequestBodyBudget}, between the HTTP codec and
 * Micronaut: each chunk as it arrives (what is announced costs nothing until it is sent), released when the
 * request's response is written (HTTP/1.1 answers in order, so the oldest charge is the one answered) or the
 * connection closes. A body must arrive whole within the {@link RequestReadTimeout}, counted from when the
 * server reads it, so a caller cannot hold its share by sending slowly. A request whose chunk does not fit is
 * answered 503 with {@code Retry-After}, one whose body is late 408; then the connection stops answering, reads
 * and drops what the caller is still sending for a moment, so that the answer is not lost to a reset, and closes.
 * Netty calls one connection's handler on one thread, so the fields need no locks; the budget is shared.
 */
final class RequestBodyBudgetHandler extends ChannelDuplexHandler {

    static final String NAME = "warden-request-body-budget";

    /** How long a refused caller's bytes are still read (and dropped) after the answer, before the close. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final RequestBodyBudget budget;
    private final RequestReadTimeout timeout;
    /** The head deadline before the codec; null where there is none (no HTTP/1 codec). */
    private final RequestHeadDeadline heads;
    private final RefusalBodies refusals;
    /** Each request read and not yet answered, oldest first. */
    private final ArrayDeque<Charge> unanswered = new ArrayDeque<>();
    /** The request whose body is arriving; null between requests. */
    private Charge reading;
    private ScheduledFuture<?> readDeadline;
    /** A response's head is written and its last content is not: the connection is in the middle of an answer. */
    private boolean answering;
    /** Set once a request was refused: nothing more is read or answered, and the connection is closing. */
    private boolean refusing;
    /** The refusal is answered and the connection closes when the linger ends, not before. */
    private boolean lingering;

    RequestBodyBudgetHandler(RequestBodyBudget budget, RequestReadTimeout timeout, RequestHeadDeadline heads,
                             RefusalBodies refusals) {
        this.budget = budget;
        this.timeout = timeout;
        this.heads = heads;
        this.refusals = refusals;
    }

    private static final class Charge {
        long bytes;
        boolean answered;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            if (heads != null) {
                heads.headArrived();
            }
            stopDeadline();
            reading = new Charge();
            unanswered.add(reading);
            if (unanswered.size() == 1) {
                startDeadline(ctx);
            }
        }
        if (msg instanceof HttpContent content && reading != null) {
            int bytes = content.content().readableBytes();
            if (!reading.answered && bytes > 0) {
                if (!budget.tryCharge(bytes)) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, refusals.busy());
                    return;
                }
                reading.bytes += bytes;
            }
            if (msg instanceof LastHttpContent) {
                reading = null;
                stopDeadline();
                if (heads != null) {
                    heads.nextHeadMayBegin();
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * The body's time starts when the server reads it: behind an earlier request still being answered, Micronaut
     * stops reading, and the caller's bytes wait in the socket, not here.
     */
    private void startDeadline(ChannelHandlerContext ctx) {
        readDeadline = ctx.executor().schedule(() -> bodyLate(ctx), timeout.duration().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void stopDeadline() {
        if (readDeadline != null) {
            readDeadline.cancel(false);
            readDeadline = null;
        }
    }

    private void bodyLate(ChannelHandlerContext ctx) {
        if (reading != null && !refusing) {
            refuse(ctx, HttpResponseStatus.REQUEST_TIMEOUT, refusals.late());
        }
    }

    /**
     * Answers {@code status} for the request being read, unless that would break HTTP's order: an earlier request
     * still awaits its answer, or this one's answer has begun (or ended, when the server answered before reading
     * the body). Then the connection only closes.
     */
    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] problem) {
        refusing = true;
        // Micronaut reads on demand; what the caller still sends is read, and dropped, until the close.
        ctx.channel().config().setAutoRead(true);
        if (unanswered.size() > 1 || answering || reading == null || reading.answered) {
            ctx.close();
            return;
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(problem));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, problem.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (status == HttpResponseStatus.SERVICE_UNAVAILABLE) {
            answer.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        ctx.writeAndFlush(answer).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
        });
        // Closed after the linger whether or not the answer could be written: a caller that reads nothing keeps
        // the answer queued, and would otherwise keep its charge until the idle timeout.
        lingering = true;
        ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** While the refusal lingers, a close asked by Micronaut (its answer failed, or said close) waits for it. */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering) {
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            return;
        }
        ctx.close(promise);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (refusing) {
            // The refusal is this connection's last answer: Micronaut's late one for the refused request goes nowhere.
            ReferenceCountUtil.release(msg);
            promise.setFailure(new ClosedChannelException());
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (interim(response.status())) {
                ctx.write(msg, promise);
                return;
            }
            answering = true;
        }
        boolean upgraded = msg instanceof HttpResponse response
                && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
        if (upgraded && heads != null) {
            heads.upgraded();
        }
        if (msg instanceof LastHttpContent || upgraded) {
            answering = false;
            Charge answered = unanswered.poll();
            if (answered != null) {
                answered.answered = true;
                release(answered);
            }
            if (reading != null && readDeadline == null && (reading.answered || unanswered.peek() == reading)) {
                startDeadline(ctx);
            }
        }
        ctx.write(msg, promise);
    }

    /** 100 Continue and the like come before a request's answer; 101 is its answer (the connection is upgraded). */
    private static boolean interim(HttpResponseStatus status) {
        return status.codeClass() == HttpStatusClass.INFORMATIONAL
                && !status.equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
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
        stopDeadline();
    }

    private void release(Charge charge) {
        budget.release(charge.bytes);
        charge.bytes = 0;
    }
}
