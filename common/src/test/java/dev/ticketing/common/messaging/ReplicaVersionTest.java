package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaVersionTest {

    @Test
    void anEventAppliesOntoTheVersionJustBeforeIt() {
        assertThat(ReplicaVersion.of(Optional.of(2L), 3)).isEqualTo(ReplicaVersion.APPLY);
    }

    @Test
    void anEventAtOrBelowTheReplicasVersionIsADuplicate() {
        assertThat(ReplicaVersion.of(Optional.of(3L), 3)).isEqualTo(ReplicaVersion.DUPLICATE);
        assertThat(ReplicaVersion.of(Optional.of(4L), 3)).isEqualTo(ReplicaVersion.DUPLICATE);
    }

    @Test
    void anEventThatSkipsAVersionOrPrecedesItsRowIsNotYetDue() {
        assertThat(ReplicaVersion.of(Optional.of(1L), 3)).isEqualTo(ReplicaVersion.NOT_YET);
        assertThat(ReplicaVersion.of(Optional.empty(), 1)).isEqualTo(ReplicaVersion.NOT_YET);
    }

    @Test
    void checkingAnEventThatCameTooEarlyDefersIt() {
        assertThatThrownBy(() -> ReplicaVersion.check("ticket t", Optional.of(1L), 3))
                .isInstanceOf(NotYetException.class)
                .hasMessage("ticket t is at version 1, the event at 3");
        assertThatThrownBy(() -> ReplicaVersion.check("ticket t", Optional.empty(), 1))
                .isInstanceOf(NotYetException.class)
                .hasMessage("ticket t is not in the replica yet");
        assertThat(ReplicaVersion.check("ticket t", Optional.of(3L), 3)).isEqualTo(ReplicaVersion.DUPLICATE);
    }
}
