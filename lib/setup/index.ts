export { placeSetupTestCall, type SetupTestCallResult } from './place-setup-test-call';
