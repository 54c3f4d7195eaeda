package io.sightline.boot.tracing;

import org.springframework.util.ClassUtils;

final class ClassPresence {

	private ClassPresence() {
	}

	static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, ClassPresence.class.getClassLoader());
	}

}
