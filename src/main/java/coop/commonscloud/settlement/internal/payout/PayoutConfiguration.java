package coop.commonscloud.settlement.internal.payout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutSettings.class)
class PayoutConfiguration {
}
