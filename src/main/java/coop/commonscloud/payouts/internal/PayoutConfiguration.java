package coop.commonscloud.payouts.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutSettings.class)
class PayoutConfiguration {
}
