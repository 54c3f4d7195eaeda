package io.sightline.adoption.clinic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OwnerRepository extends JpaRepository<Owner, Long> {

	/** A derived query: JPQL that Hibernate turns into SQL with a join-free WHERE and ORDER BY. */
	List<Owner> findAllByOrderByLastNameAsc();

}
