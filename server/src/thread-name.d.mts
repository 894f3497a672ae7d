export declare const THREAD_NAMES: Readonly<{ writer: string; reader: string; checkpointer: string; readPool: string }>;

export declare function nameThisThread(name: string): boolean;
