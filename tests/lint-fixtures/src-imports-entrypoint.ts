// lint-as: src/protocol/fixture.ts
// expect: boundaries/dependencies
// message: protocol must not import entrypoint
// The pages depend on src/, never the other way round.
import { connectBackground } from '../../entrypoints/shared/runtime';

export const connect = connectBackground;
