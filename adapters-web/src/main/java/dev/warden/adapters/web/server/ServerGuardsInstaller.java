package dev.warden.adapters.web.server;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts the server's guards in every connection's pipeline: a {@link ConnectionLimitHandler} first, before anything
 * reads; a {@link RequestHeadDeadline} just before the HTTP codec, on the bytes; and a {@link RequestBodyBudgetHandler}
 * just before Micronaut's own handler, where the codec has split the bytes into request heads and body chunks.
 */
@Singleton
final class ServerGuardsInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final ConnectionLimit connections;
    private final RequestBodyBudget budget;
    private final RequestReadTimeout timeout;
    private final RefusalBodies refusals;

    ServerGuardsInstaller(ConnectionLimit connections, RequestBodyBudget budget, RequestReadTimeout timeout,
                          JsonMapper json) {
        this.connections = connections;
        this.budget = budget;
        this.timeout = timeout;
        this.refusals = RefusalBodies.writtenBy(json);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role == ChannelRole.LISTENER) {
                return this;
            }
            if (role == ChannelRole.CONNECTION) {
                channel.pipeline().addFirst(ConnectionLimitHandler.NAME, new ConnectionLimitHandler(connections));
            }
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) == null
                    || pipeline.get(RequestBodyBudgetHandler.NAME) != null) {
                return;
            }
            RequestHeadDeadline heads = null;
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                heads = new RequestHeadDeadline(timeout);
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, RequestHeadDeadline.NAME,
                        heads);
            }
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, RequestBodyBudgetHandler.NAME,
                    new RequestBodyBudgetHandler(budget, timeout, heads, refusals));
        }
    }
}
