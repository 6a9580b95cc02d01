// Cases for shared/tasks/operations.ts.
import { createTask, type TaskInput } from '../../../shared/tasks';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { aboutASubject, onRecord, type OperationCases } from './harness';

const taskInput: TaskInput = {
  title: 'Offerte nabellen',
  assigneeId: 'local',
  createdBy: 'local',
  dueDate: '2026-12-01',
};

const createTaskInput = aboutASubject(taskInput);
const aTask = async (workspace: Workspace) =>
  createTask(workspace, LOCAL_ACTOR, await createTaskInput(workspace));

export const cases: OperationCases = {
  'tasks.create': { input: createTaskInput, audits: [{ action: 'create', kind: 'task' }] },
  'tasks.save': {
    input: async (workspace) => ({
      id: (await aTask(workspace)).id,
      input: { ...taskInput, title: 'Offerte sturen' },
    }),
    audits: [{ action: 'update', kind: 'task' }],
  },
  'tasks.toggleDone': onRecord(aTask, 'update', 'task'),
  'tasks.snooze': {
    input: async (workspace) => ({ id: (await aTask(workspace)).id, days: 7 }),
    audits: [{ action: 'update', kind: 'task' }],
  },
  'tasks.delete': onRecord(aTask, 'delete', 'task'),
};
