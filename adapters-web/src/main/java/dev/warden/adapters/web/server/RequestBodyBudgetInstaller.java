package dev.warden.adapters.web.server;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts a {@link RequestBodyBudgetHandler} in every connection's pipeline, just before Micronaut's own
 * handler, where the HTTP codec has split the bytes into request heads and body chunks.
 */
@Singleton
final class RequestBodyBudgetInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final RequestBodyBudget budget;

    RequestBodyBudgetInstaller(RequestBodyBudget budget) {
        this.budget = budget;
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
            return role == ChannelRole.LISTENER ? this : new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(RequestBodyBudgetHandler.NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, RequestBodyBudgetHandler.NAME,
                        new RequestBodyBudgetHandler(budget));
            }
        }
    }
}
