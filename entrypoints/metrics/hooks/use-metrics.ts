import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { AlertEvent, AlertRule, MetricsReport, TimeRange, TraceSummary, VariantComparison } from '@/src/protocol/metrics';
import type { Span } from '@/src/monitoring/span';
import type { ExportFormat } from '@/src/monitoring/span-export';
import { evalImportSchema } from '@/src/monitoring/eval-import';
import { parseJson } from '@/src/protocol/json';
import { errorMessage } from '../../shared/error-message';
import type { ThemeChoice } from '../../shared/theme';
import { downloadText } from '../../audit/download';

export const NOT_CONNECTED = 'This page is not connected to the Clera extension. Open it from Clera’s side panel or settings.';

export interface MetricsPageState {
  range: TimeRange;
  agent: string | null;
  report: MetricsReport | null;
  /** Prompt variants side by side. */
  variants: VariantComparison | null;
  traces: TraceSummary[];
  trace: { runId: string; spans: Span[] } | null;
  rules: AlertRule[];
  alerts: AlertEvent[];
  loading: boolean;
  failure: string | null;
  /** A polite line about the last export or import. */
  note: string;
}

/** The metrics page's state and actions; every figure comes from the background over the port. */
export function useMetrics(client: PortClient | null, applyTheme: (theme: ThemeChoice) => void) {
  const [state, setState] = useState<MetricsPageState>(() => ({
    range: 'day',
    agent: null,
    report: null,
    variants: null,
    traces: [],
    trace: null,
    rules: [],
    alerts: [],
    loading: client !== null,
    failure: client ? null : NOT_CONNECTED,
    note: '',
  }));
  const patch = useCallback((next: Partial<MetricsPageState>) => { setState((current) => ({ ...current, ...next })); }, []);
  const selection = useRef({ range: state.range, agent: state.agent });

  const load = useCallback(async (range: TimeRange, agent: string | null) => {
    if (!client) return;
    selection.current = { range, agent };
    patch({ loading: true, range, agent });
    try {
      const [report, { traces }, alerts, variants] = await Promise.all([
        client.request({ type: 'metrics-report', range, agent }),
        client.request({ type: 'metrics-traces', range, limit: 30 }),
        client.request({ type: 'alerts-get' }),
        client.request({ type: 'metrics-variants', range }),
      ]);
      // A slower answer for an older selection must not overwrite a newer one.
      if (selection.current.range !== range || selection.current.agent !== agent) return;
      patch({ report, traces, rules: alerts.rules, alerts: alerts.events, variants, failure: null });
    } catch (error) {
      patch({ failure: errorMessage(error) });
    } finally {
      patch({ loading: false });
    }
  }, [client, patch]);

  useEffect(() => {
    if (!client) return;
    void load('day', null);
    client.request({ type: 'settings-get' }).then((view) => { applyTheme(view.settings.theme); }).catch(() => undefined);
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'reconnected') void load(selection.current.range, selection.current.agent);
    });
    return unsubscribe;
  }, [client, load, applyTheme]);

  const openTrace = useCallback(async (runId: string | null) => {
    if (!client || runId === null) {
      patch({ trace: null });
      return;
    }
    try {
      const { spans } = await client.request({ type: 'metrics-trace', runId });
      patch({ trace: { runId, spans } });
    } catch (error) {
      patch({ failure: errorMessage(error) });
    }
  }, [client, patch]);

  const exportMetrics = useCallback(async (format: ExportFormat) => {
    if (!client) return;
    patch({ note: 'Exporting…' });
    try {
      const file = await client.request({ type: 'metrics-export', range: selection.current.range, format });
      downloadText(file.fileName, file.text, file.mime);
      patch({ note: `Exported ${String(file.count)} spans to ${file.fileName}.` });
    } catch (error) {
      patch({ note: '', failure: errorMessage(error) });
    }
  }, [client, patch]);

  const importEvaluation = useCallback(async (file: File) => {
    if (!client) return;
    try {
      const results = parseJson(evalImportSchema, await file.text());
      const imported = await client.request({ type: 'eval-import', results });
      patch({ note: `Imported ${String(imported.cases)} evaluation cases: ${String(imported.routeRight)} routed right, ${String(imported.routeWrong)} wrong.` });
      await load(selection.current.range, selection.current.agent);
    } catch (error) {
      patch({ note: '', failure: `Could not import ${file.name}: ${errorMessage(error)}` });
    }
  }, [client, load, patch]);

  const saveRules = useCallback(async (rules: AlertRule[]) => {
    if (!client) return;
    try {
      const saved = await client.request({ type: 'alerts-save', rules });
      patch({ rules: saved.rules, alerts: saved.events, note: 'Alert rules saved.' });
    } catch (error) {
      patch({ failure: errorMessage(error) });
    }
  }, [client, patch]);

  const promoteVariant = useCallback(async (variant: string) => {
    if (!client) return;
    try {
      await client.request({ type: 'experiment-promote', variant });
      patch({ note: `${variant} is now the default prompt: every conversation uses it and the experiment split is off.` });
      await load(selection.current.range, selection.current.agent);
    } catch (error) {
      patch({ failure: errorMessage(error) });
    }
  }, [client, load, patch]);

  return { state, load, openTrace, exportMetrics, importEvaluation, saveRules, promoteVariant };
}
