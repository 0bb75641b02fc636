#ifndef QKVERIFY_CGSL_SHIM_H
#define QKVERIFY_CGSL_SHIM_H

// The GSL headers qkverify uses. Generator types are looked up by name through
// gsl_rng_types_setup(), never through GSL's global type variables, which Swift 6
// rejects as shared mutable state.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_eigen.h>

#endif
