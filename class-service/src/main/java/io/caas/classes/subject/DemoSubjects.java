package io.caas.classes.subject;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The demo subject {@code cs} (the demo class {@code cs101} belongs to it), created once
 * when the {@code demo} profile is on.
 */
@Component
@Profile("demo")
class DemoSubjects implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSubjects.class);

	private final SubjectRepository subjects;

	private final Clock clock;

	DemoSubjects(SubjectRepository subjects, Clock clock) {
		this.subjects = subjects;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.subjects.existsById("cs")) {
			return;
		}
		try {
			this.subjects.insert(new Subject("cs", "Computer Science", null, this.clock.instant()));
			log.info("demo subject seeded subjectId=cs");
		}
		catch (DuplicateKeyException ex) {
			// another instance seeded it first
		}
	}

}
