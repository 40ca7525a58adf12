package io.caas.classes.roster;

import java.time.Clock;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.subject.SubjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The demo subject {@code cs} and its class {@code cs101}, created once when the
 * {@code demo} profile is on.
 */
@Component
@Profile("demo")
class DemoSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	private final ClassRoomRepository classes;

	private final Clock clock;

	private final SubjectService subjects;

	DemoSeed(ClassRoomRepository classes, Clock clock, SubjectService subjects) {
		this.classes = classes;
		this.clock = clock;
		this.subjects = subjects;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.subjects.seed("cs", "Computer Science")) {
			log.info("demo subject seeded subjectId=cs");
		}
		if (this.classes.existsById("cs101")) {
			return;
		}
		try {
			this.classes.insert(new ClassRoom("cs101", "Intro to Programming", "cs", "codeserver", "teacher1",
					List.of("student1", "student2", "student3", "student4", "student5"), ClassState.CLOSED, null, null,
					this.clock.instant(), null));
			log.info("demo class seeded classId=cs101");
		}
		catch (DuplicateKeyException ex) {
			// another instance seeded it first
		}
	}

}
