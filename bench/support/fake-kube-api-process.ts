// The recorded kwok cluster (15,267 live objects) served by the fake Kubernetes API in its own
// process, so bench:agent measures only the agent. Prints the URL, then serves until killed.
import { FakeKubeApi } from "../../tests/support/fake-kube-api";
import { loadKwokObjects } from "../../tests/support/kwok-dump";

const api = new FakeKubeApi(loadKwokObjects());
api.start().then((url) => process.stdout.write(`${JSON.stringify({ url, kubeconfig: api.kubeconfig(url) })}\n`));
