// lint-as: src/tools/fixture.ts
// expect: boundaries/dependencies
// message: tools must not import memory
// An inline type import is a dependency like any other.
export interface Context {
  service: import('../memory/memory-service').MemoryServiceDeps;
}
