/** The checks of exercise 8, in catalogue order: each lives in its own folder beside this file. */
export { EXERCISE_08_CHECKS } from "../exercise-08-autoscaling";
