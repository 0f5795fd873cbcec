export { InitiativesCard } from './InitiativesCard';
export { EntityInitiatives } from './EntityInitiatives';
