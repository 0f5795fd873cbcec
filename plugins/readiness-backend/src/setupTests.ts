import { installLoopbackOnly } from './__testUtils__/loopbackOnly';

// No test of this package may open a socket to anything but loopback, even
// when the SSRF guard it tests is broken.
installLoopbackOnly();
