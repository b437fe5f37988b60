/**
 * The Anthropic and Alpaca simulators in a child process of the benchmark, so their CPU work does not run on the
 * benchmarked background's event loop or count in its process CPU time (in real use both are remote services).
 * Driven over the fork IPC channel: the parent names the question type and step whose script answers next.
 */
import { startAnthropicSimulator } from '../tests/simulators/anthropic';
import { startAlpacaSimulator } from '../tests/simulators/alpaca';
import { questionTypes, seedPortfolio } from './questions';

export type SimRequest = { cmd: 'script'; id: string; step: 'previous' | 'main' } | { cmd: 'close' };
export type SimCommand = SimRequest & { seq: number };
export type SimReply =
  | { kind: 'ready'; anthropicUrl: string; tradingUrl: string; dataUrl: string }
  | { kind: 'ack'; seq: number; scriptErrors: string[] }
  | { kind: 'error'; seq: number; message: string };

const send = (reply: SimReply) => {
  process.send?.(reply);
};

const anthropic = await startAnthropicSimulator();
const alpaca = await startAlpacaSimulator({ history: false });
seedPortfolio(alpaca);
const types = questionTypes();

process.on('message', (raw: SimCommand) => {
  if (raw.cmd === 'close') {
    void Promise.all([anthropic.close(), alpaca.close()]).then(() => {
      send({ kind: 'ack', seq: raw.seq, scriptErrors: [] });
      process.disconnect();
    });
    return;
  }
  const type = types.find((t) => t.id === raw.id);
  const script = raw.step === 'previous' ? type?.previous?.script : type?.script;
  if (!script) {
    send({ kind: 'error', seq: raw.seq, message: `No ${raw.step} script for question type ${raw.id}` });
    return;
  }
  anthropic.setScript(script);
  send({ kind: 'ack', seq: raw.seq, scriptErrors: anthropic.scriptErrors.map((e) => e.message) });
});

send({ kind: 'ready', anthropicUrl: anthropic.url, tradingUrl: alpaca.tradingUrl, dataUrl: alpaca.dataUrl });
