package io.sightline.adoption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests of the clinic in one mode, on the run's shared clinic of that mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Clinics.Extension.class)
abstract class AbstractClinicIT {

	RunningClinic clinic;

	abstract ClinicMode mode();

	@BeforeAll
	void start(Clinics clinics) {
		this.clinic = clinics.of(mode());
	}

}
