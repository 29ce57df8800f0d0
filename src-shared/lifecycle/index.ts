export { RETURN_STATES, STATE_HELP, isLocked, type LifecycleAction, type LifecycleEvent, type LifecycleRecord, type ReturnState } from './states';
export {
  allowedActions,
  applyEdit,
  checkSubmittable,
  markSubmitted,
  markValidated,
  nextRevision,
  reopen,
  validationGate,
  type Actor,
  type Gate,
  type SubmissionFacts,
  type Transition,
} from './transitions';
