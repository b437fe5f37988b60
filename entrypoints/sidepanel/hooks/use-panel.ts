import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelActions } from '../panel-actions';
import type { PanelState, PanelStore } from '../store';

export interface PanelContextValue {
  store: PanelStore;
  actions: PanelActions;
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
