import { analyzeSnapshot, localReport, rememberedFacts } from './local-analysis';
import type { SidebarEngine } from './remote-engine';

/**
 * The engine in this process, with the sidebar's asynchronous interface: for tests and benchmarks of
 * the sidebar (the content scripts use the background's, utils/remote-engine.ts; never import this there).
 */
export function inProcessEngine(): SidebarEngine {
  return {
    analyzeSnapshot: async (...args) => analyzeSnapshot(...args),
    localReport: async (...args) => localReport(...args),
    rememberedFacts: async (...args) => rememberedFacts(...args),
  };
}
