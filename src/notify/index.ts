export type { AlertSender, DeliveryContext, DeliveryOutcome } from './alert-sender.js';
export { deliveryIdFor } from './alert-sender.js';
export {
  addChannelToFile,
  CHANNELS_FILE_NAME,
  readChannelsFile,
  removeChannelFromFile,
  writeChannelsFile,
} from './channel-file.js';
export type { DeadLetter, DeadLetterReason, DeadLetterSink } from './dead-letter.js';
export { JsonlDeadLetterFile, readDeadLetters } from './dead-letter.js';
export type { ChannelCounters, MetricSample } from './delivery-metrics.js';
export { DeliveryMetrics } from './delivery-metrics.js';
export { channelWants, cooldownKey, DEFAULT_COOLDOWN_MS, isQuietTime, minutesInZone } from './delivery-rules.js';
export type {
  AlertDispatcherOptions,
  ChannelQueueStats,
  DispatchDecision,
  DispatchReport,
  SenderDeps,
  SenderFactory,
  ShutdownResult,
} from './dispatcher.js';
export { AlertDispatcher, createChannelSender } from './dispatcher.js';
export { alertEmail, EmailSender, emailSubject, escapeHtml } from './email.js';
export type { RetryPolicy } from './http-post.js';
export { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from './http-post.js';
export type { NotifiableAlert, RepresentativePost } from './notifiable-alert.js';
export { alertHeadline, alertPageUrl, alertTopicKey } from './notifiable-alert.js';
export { chatMessage, SlackSender } from './slack.js';
export type { SseHubOptions, SseHubStats, SseWritable, SubscribeOptions } from './sse.js';
export { SSE_HEADERS, SseHub, SseSender } from './sse.js';
export {
  ATTEMPT_HEADER,
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
  verifySignature,
  WebhookSender,
  webhookBody,
} from './webhook.js';
