export { startAnthropicSimulator, type AnthropicSimulator, type AnthropicSimulatorOptions } from './server';
export { message, sequence, text, toolUse, webSearch } from './builders';
export { echoReply } from './default-script';
export type { MessagesRequest } from './request-schema';
export type {
  DropFault,
  Fault,
  Latency,
  LatencyFault,
  RecordedRequest,
  Reply,
  Script,
  ScriptContext,
  ScriptedBlock,
  ScriptedCitation,
  ScriptedMessage,
  ScriptedSearchResult,
  ScriptedServerToolUseBlock,
  ScriptedTextBlock,
  ScriptedToolUseBlock,
  ScriptedWebSearchResultBlock,
  StatusFault,
  StopReason,
  StreamErrorFault,
  UsageOverrides,
} from './types';
