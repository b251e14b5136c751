/** The checks of exercise 10, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_10_CHECKS } from "../exercise-10-s3";
