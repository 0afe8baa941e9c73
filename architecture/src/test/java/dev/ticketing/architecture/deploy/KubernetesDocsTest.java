package dev.ticketing.architecture.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/kubernetes.md tells how to create every Secret the manifests need but do not carry. */
class KubernetesDocsTest {

    @Test
    void explainsHowToCreateEverySecretTheDeploymentsRequire() {
        String docs = Repo.read(Repo.ROOT.resolve("docs/kubernetes.md"));
        Set<String> secrets = new TreeSet<>();
        for (Cluster cluster : Renderings.clusters()) {
            Stream.concat(cluster.workloads("Deployment").stream(), cluster.workloads("StatefulSet").stream())
                    .flatMap(w -> w.env().values().stream())
                    .filter(v -> v.fromSecret() && !v.optional())
                    .forEach(v -> secrets.add(v.source().substring("Secret ".length())));
        }

        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            String name = secret.substring(0, secret.indexOf('/'));
            String key = secret.substring(secret.indexOf('/') + 1);
            assertThat(docs).as("docs/kubernetes.md creating Secret " + secret)
                    .containsPattern("kubectl create secret generic " + name + "[^\\n]*(\\\\\\n[^\\n]*)*--from-literal=" + key + "=");
        }
    }
}
