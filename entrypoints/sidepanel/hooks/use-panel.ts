import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelActions } from '../panel-actions';
import type { PageActions } from '../page-actions';
import type { PanelState, PanelStore } from '../store';

export interface PanelContextValue {
  store: PanelStore;
  actions: PanelActions;
  /** The page chip's actions (absent in tests that render other parts of the panel). */
  page?: PageActions;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

function usePanelContext(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('Side panel components must render inside <PanelContext.Provider>.');
  return value;
}

/** Reads one slice of the panel store; the component re-renders only when that slice changes. */
export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelContext().store, selector);
}

export function usePanelActions(): PanelActions {
  return usePanelContext().actions;
}

export function usePageActions(): PageActions | null {
  return usePanelContext().page ?? null;
}
