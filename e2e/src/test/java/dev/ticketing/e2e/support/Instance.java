package dev.ticketing.e2e.support;

/**
 * One running process of a service: with {@code TICKETING_REPLICAS=N} the launcher starts N of
 * each service (the gateway once). Replica 1 has the service's name ({@code orders}), replica k
 * the name {@code orders-k}, and listens 10 x (k - 1) ports above replica 1.
 */
public record Instance(Service service, int replica) {

    public Instance {
        if (replica < 1 || (service == Service.GATEWAY && replica != 1)) {
            throw new IllegalArgumentException(service.id() + " has no replica " + replica);
        }
    }

    /** The launcher's name: {@code ./ticketing kill orders-2}. */
    public String id() {
        return replica == 1 ? service.id() : service.id() + "-" + replica;
    }

    @Override
    public String toString() {
        return id();
    }
}
