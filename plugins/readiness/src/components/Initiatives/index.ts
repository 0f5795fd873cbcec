export { InitiativesCard } from './InitiativesCard';
export { EntityInitiatives } from './EntityInitiatives';
export { GroupInitiatives } from './GroupInitiatives';
