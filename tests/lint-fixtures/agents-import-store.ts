// lint-as: src/agents/fixture.ts
// expect: boundaries/dependencies
// message: agents must not import store
// The agents reach persistence only through the callbacks the chat service passes in.
import { openDatabase } from '../store/db';

export const open = openDatabase;
