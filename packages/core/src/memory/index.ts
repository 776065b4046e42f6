export { configureArena, threadArena, currentArena, arenaHandle, adoptArena, arenaStats, allocateBytes, type ArenaOptions, type ArenaHandle, type Allocation } from './allocate.js'
export {
  Arena, isArenaBuffer, arenaIdOf, noteArenaBuffers, retainBlock, releaseBlock, sameMemory, ARENA_ALIGN, BLOCK_HEADER, type ArenaStats, type ArenaAllocation,
} from './arena.js'
