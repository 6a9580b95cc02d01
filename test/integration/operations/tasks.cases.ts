// Cases for shared/tasks/operations.ts.
import { createTask, type TaskInput } from '../../../shared/tasks';
import { LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import { aSubject, onRecord, type OperationCases } from './harness';

const taskInput: TaskInput = {
  title: 'Offerte nabellen',
  assigneeId: 'local',
  createdBy: 'local',
  dueDate: '2026-12-01',
};

const aTask = async (workspace: Workspace) =>
  createTask(workspace, LOCAL_ACTOR, { subjectId: await aSubject(workspace), input: taskInput });

export const cases: OperationCases = {
  'tasks.create': {
    input: async (workspace) => ({ subjectId: await aSubject(workspace), input: taskInput }),
    audits: [{ action: 'create', kind: 'task' }],
  },
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
